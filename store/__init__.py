"""Saved snapshots of the aggregate results, for trends and 'what changed since last time'."""

from store.snapshots import SnapshotStore

__all__ = ["SnapshotStore"]
