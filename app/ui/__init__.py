"""The dashboard (Textual). Only this package imports Textual."""
