"""The workspace's pages. Every view that shows data asks ``access`` first (404 for what is not the user's)."""
