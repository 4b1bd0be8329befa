"""Production profile: nginx template, Rasa endpoints, and the two Rasa stores it needs
(`lock_store.AtomicRedisLockStore`, `tracker_store.PrePingSQLTrackerStore`), loaded by
module path from endpoints.prod.yml. See docs/DEPLOY.md."""
