"""Rasa custom actions: thin adapters that read the tracker, call bot.coach and send
Dutch text plus a machine-readable payload (the REST channel returns it under `custom`)."""
