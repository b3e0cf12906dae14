"""Rules: one module per requirement code, grouped by category; see registry.py."""
