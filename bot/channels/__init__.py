"""Rasa input channels, thin over Rasa's own connectors."""
