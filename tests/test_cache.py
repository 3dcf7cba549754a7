"""The Redis cache of production: one client per connection pool, answers as Django's."""

import os
import uuid

from config.cache import RedisCache
from tests.conftest import service_missing


def test_redis_cache_round_trips_through_one_shared_client():
    url = os.environ.get("CACHE_URL") or os.environ.get("CELERY_BROKER_URL")
    if not url:
        service_missing("neither CACHE_URL nor CELERY_BROKER_URL is set")
    cache = RedisCache(url, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})

    cache.set("answer", {"value": 42}, 30)

    assert cache.get("answer") == {"value": 42}
    assert cache._cache.get_client("answer") is cache._cache.get_client("other", write=True)
    cache.delete("answer")
    assert cache.get("answer") is None
