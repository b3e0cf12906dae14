"""The version of casereview (``casereview.__version__``), recorded in every results file."""

__version__ = "0.1.0"
