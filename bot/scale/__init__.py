"""State that several Rasa replicas (and several Sanic workers) share through Redis:
conversation locks, the pane's event fan-out and the chat channels' de-duplication.
Without $INCASSO_REDIS_URL each of these stays in the process, as one replica needs."""
