"""The terminal playground: the dialogue, review and answers, without Slack."""
