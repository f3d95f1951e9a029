"""The built-in draft templates, one file per action kind and part: ``KIND.PART.txt``."""
