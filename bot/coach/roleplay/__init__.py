"""Role-play trainer: the bot plays a Dutch debtor from a scenario, the trainee plays the
collector, and a scorecard grades the trainee against good collection practice.

Plain Python (no Rasa), like the rest of bot.coach: the Rasa actions, the terminal and
the web page all drive it through bot.coach.roleplay.trainer.Trainer.
"""
