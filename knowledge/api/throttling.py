from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousReaderThrottle(AnonRateThrottle):
    """DRF's anonymous rate limit, with the rate read when a request comes, not at import."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
