"""Exporters: Markdown here; diagrams and decks in their own modules. Each takes model data."""
