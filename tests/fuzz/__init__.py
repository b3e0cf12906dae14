"""Hostile-input campaign: a seeded generator of bad case files and the checks run over them."""
