"""Scoring against gold answers (`evaluate`) and the real-article development set (`devset`)."""
