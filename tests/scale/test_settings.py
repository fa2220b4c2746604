"""The scale-out settings: checked before anything starts, with a Dutch message."""
from __future__ import annotations

import pytest

from bot.scale.settings import lock_ttl, redis_url, workers
from bot.servers import Services, endpoints_yaml, lock_store_kind


def test_redis_url_is_optional_and_must_be_a_redis_url():
    assert redis_url({}) is None
    assert redis_url({"INCASSO_REDIS_URL": " redis://r:6379/0 "}) == "redis://r:6379/0"
    with pytest.raises(ValueError, match="redis://"):
        redis_url({"INCASSO_REDIS_URL": "http://r:6379"})


@pytest.mark.parametrize("value", ["0", "-1", "twee", "65"])
def test_workers_must_be_a_small_number(value):
    with pytest.raises(ValueError, match="INCASSO_WORKERS"):
        workers({"INCASSO_WORKERS": value, "INCASSO_REDIS_URL": "redis://r/0"})


def test_workers_default_to_one():
    assert workers({}) == 1
    assert workers({"INCASSO_WORKERS": "2"}) == 2


def test_lock_ttl_is_bounded():
    assert lock_ttl({}) == 10.0
    with pytest.raises(ValueError):
        lock_ttl({"INCASSO_LOCK_TTL_SECONDS": "0.1"})


def test_the_lock_store_follows_workers_and_redis():
    assert lock_store_kind({}) == "in_memory"
    assert lock_store_kind({"INCASSO_WORKERS": "2"}) == "file"
    assert lock_store_kind({"INCASSO_REDIS_URL": "redis://r/0"}) == "redis"
    assert "lock_store" not in endpoints_yaml("http://127.0.0.1:5055")
    shared = endpoints_yaml("http://127.0.0.1:5055", "redis")
    assert "type: bot.scale.lock_store.FencedRedisLockStore" in shared
    assert "url: ${INCASSO_REDIS_URL}" in shared
    assert "type: bot.scale.file_lock_store.FileLockStore" in endpoints_yaml("x", "file")


def test_services_refuse_a_bad_worker_count_before_starting():
    with pytest.raises(ValueError, match="INCASSO_WORKERS"):
        Services(env={"INCASSO_WORKERS": "veel"})


def test_chat_channels_with_several_workers_need_redis(monkeypatch, tmp_path):
    monkeypatch.delenv("INCASSO_REDIS_URL", raising=False)
    with pytest.raises(ValueError, match="INCASSO_REDIS_URL"):
        Services(env={"INCASSO_WORKERS": "2"}, chat_credentials=tmp_path / "chat.yml")
    Services(env={"INCASSO_WORKERS": "2", "INCASSO_REDIS_URL": "redis://r/0"},
             chat_credentials=tmp_path / "chat.yml")
