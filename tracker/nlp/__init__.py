"""Extraction: plain Python over spaCy, no Django and no ORM. Text in, frozen dataclasses out."""
