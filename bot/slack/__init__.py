"""The Slack adapter: a Bolt app whose listeners call the domain and show its results."""
