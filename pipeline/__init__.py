"""diplodata: the Dagster code location that builds the diplodata release."""

__version__ = "0.1.0"
