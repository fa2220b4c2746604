"""Bank statements in, payments out: read a CAMT.053 or CSV export (``statements``) and
match its lines to cases (``matching``). Plain Python like bot.coach."""
