import pytest

from tests.knowledge.platform import SECRET, SITE_URL, serve


@pytest.fixture
def platform():
    platform, server = serve()
    yield platform
    server.shutdown()
    server.server_close()


@pytest.fixture
def push_on(settings, platform):
    """The push switched on, to the platform above."""
    settings.SITE_URL = SITE_URL
    settings.KNOWLEDGE_PUSH_URL = platform.url
    settings.KNOWLEDGE_PUSH_SECRET = SECRET
    settings.KNOWLEDGE_PUSH_MAX_ATTEMPTS = 3
    return platform
