"""Extraction: normalisation, dates, amounts and the fields every requirement needs."""
