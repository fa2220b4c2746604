"""The collection coach's domain: cases, the playbook, proposals, advice and summaries.

Plain Python with no Rasa imports, so every channel (Rasa actions, the terminal, the web
pane, chat bots) reuses the same logic and it can be tested without TensorFlow.
"""
