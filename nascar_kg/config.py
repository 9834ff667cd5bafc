"""Configuration: defaults and the environment variables the command-line contract names."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DB = "./nascar-kg-data"
DEFAULT_BACKEND = "rdf"
DEFAULT_NEO4J_URI = "bolt://localhost:7687"
DEFAULT_NEO4J_USER = "neo4j"
DEFAULT_NEO4J_DATABASE = "neo4j"
RESULTS_BASE_URL = "https://nascar.kylegrealis.com"
"""Where ``load-results cup|nxs|truck`` downloads the published Parquet files from."""


@dataclass
class Settings:
    """Where the graph lives and how to reach it."""

    backend: str = DEFAULT_BACKEND
    db: str = DEFAULT_DB
    neo4j_uri: str = DEFAULT_NEO4J_URI
    neo4j_user: str = DEFAULT_NEO4J_USER
    neo4j_password: str | None = None
    neo4j_database: str = DEFAULT_NEO4J_DATABASE
    batch_size: int = 5000
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: dict | None = None) -> "Settings":
        env = os.environ if env is None else env
        return cls(
            backend=env.get("NASCAR_KG_BACKEND", DEFAULT_BACKEND),
            db=env.get("NASCAR_KG_DB", DEFAULT_DB),
            neo4j_uri=env.get("NEO4J_URI", DEFAULT_NEO4J_URI),
            neo4j_user=env.get("NEO4J_USERNAME", DEFAULT_NEO4J_USER),
            neo4j_password=env.get("NEO4J_PASSWORD"),
            neo4j_database=env.get("NEO4J_DATABASE", DEFAULT_NEO4J_DATABASE),
        )
