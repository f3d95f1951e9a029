"""followup: make sure you follow up after every interview."""

__version__ = "0.1.0"
