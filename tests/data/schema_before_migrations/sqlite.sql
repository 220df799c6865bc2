-- The schema Newjob made before it had migrations (create_all of bot/store/tables.py as it
-- was then), for sqlite: tests/test_store_migrations.py adopts a database made with it.

CREATE TABLE drafts (
	id INTEGER NOT NULL,
	team_id VARCHAR(32) NOT NULL,
	requester VARCHAR(32) NOT NULL,
	title VARCHAR(200) NOT NULL,
	role_key VARCHAR(100) NOT NULL,
	status VARCHAR(32) NOT NULL,
	current_version INTEGER NOT NULL,
	dm_channel VARCHAR(32) NOT NULL,
	dm_thread_ts VARCHAR(32) NOT NULL,
	review_channel VARCHAR(32) NOT NULL,
	review_ts VARCHAR(32) NOT NULL,
	jobs_channel VARCHAR(32) NOT NULL,
	jobs_ts VARCHAR(32) NOT NULL,
	permalink VARCHAR(500) NOT NULL,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);

CREATE INDEX ix_drafts_requester ON drafts (requester);

CREATE INDEX ix_drafts_review_ts ON drafts (review_ts);

CREATE INDEX ix_drafts_status ON drafts (status);

CREATE TABLE newjob_schema (
	id INTEGER NOT NULL,
	version INTEGER NOT NULL,
	PRIMARY KEY (id)
);

CREATE TABLE processed_events (
	"key" VARCHAR(200) NOT NULL,
	at DATETIME NOT NULL,
	PRIMARY KEY ("key")
);

CREATE TABLE approvals (
	id INTEGER NOT NULL,
	draft_id INTEGER NOT NULL,
	version INTEGER NOT NULL,
	approver VARCHAR(32) NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uq_one_approval_per_version UNIQUE (draft_id, version, approver),
	FOREIGN KEY(draft_id) REFERENCES drafts (id) ON DELETE CASCADE
);

CREATE INDEX ix_approvals_draft_id ON approvals (draft_id);

CREATE TABLE audit_events (
	id INTEGER NOT NULL,
	draft_id INTEGER NOT NULL,
	version INTEGER,
	kind VARCHAR(32) NOT NULL,
	actor VARCHAR(64) NOT NULL,
	at DATETIME NOT NULL,
	detail JSON NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(draft_id) REFERENCES drafts (id) ON DELETE CASCADE
);

CREATE INDEX ix_audit_events_draft_id ON audit_events (draft_id);

CREATE TABLE dialogue_sessions (
	id INTEGER NOT NULL,
	draft_id INTEGER NOT NULL,
	user_id VARCHAR(32) NOT NULL,
	channel_id VARCHAR(32) NOT NULL,
	thread_ts VARCHAR(32) NOT NULL,
	state JSON NOT NULL,
	status VARCHAR(16) NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (draft_id),
	FOREIGN KEY(draft_id) REFERENCES drafts (id) ON DELETE CASCADE
);

CREATE INDEX ix_dialogue_sessions_user_id ON dialogue_sessions (user_id);

CREATE INDEX ix_session_thread ON dialogue_sessions (channel_id, thread_ts);

CREATE TABLE draft_versions (
	id INTEGER NOT NULL,
	draft_id INTEGER NOT NULL,
	number INTEGER NOT NULL,
	posting JSON NOT NULL,
	author VARCHAR(32) NOT NULL,
	note TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uq_version_number UNIQUE (draft_id, number),
	FOREIGN KEY(draft_id) REFERENCES drafts (id) ON DELETE CASCADE
);

CREATE INDEX ix_draft_versions_draft_id ON draft_versions (draft_id);
