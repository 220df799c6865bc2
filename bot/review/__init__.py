"""Review: drafts under review, approvals per version, and publishing once approved."""
