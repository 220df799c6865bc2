"""Settings from the environment and `.env`.

The names are a contract that deployments rely on: the README lists them (“Connect it to
Slack”), with their defaults.
"""

from __future__ import annotations

from functools import cached_property

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.paths import default_database_url
from bot.text import say


class MissingSetting(RuntimeError):
    """A setting a feature needs is missing; the message names it and where to set it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    # A SQLite file in the user's data folder, wherever Newjob is run from.
    database_url: str = Field(default_factory=default_database_url)
    newjob_review_channel: str | None = None
    newjob_jobs_channel: str | None = None
    newjob_approvers: str = ""
    newjob_required_approvals: int = Field(default=1, ge=1, le=10)
    newjob_publish_webhook: str | None = None
    newjob_company_name: str = ""
    newjob_company_url: str | None = None
    newjob_company_about: str = ""

    @field_validator(
        "slack_bot_token",
        "slack_app_token",
        "slack_signing_secret",
        "newjob_review_channel",
        "newjob_jobs_channel",
        "newjob_publish_webhook",
        "newjob_company_url",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @cached_property
    def approvers(self) -> frozenset[str]:
        """User ids (U…/W…) and user-group ids (S…) allowed to approve."""
        return frozenset(part.strip() for part in self.newjob_approvers.split(",") if part.strip())

    @property
    def slack_configured(self) -> bool:
        return self.slack_bot_token is not None

    def require(self, name: str) -> str:
        """The value of a setting a feature cannot do without, or MissingSetting naming it."""
        value = getattr(self, name.lower())
        if value is None or value == "":
            raise MissingSetting(say("settings.missing", name=name.upper()))
        return value.get_secret_value() if isinstance(value, SecretStr) else str(value)
