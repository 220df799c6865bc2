"""The rules: each module one family; each rule reads a Document and yields Findings."""
