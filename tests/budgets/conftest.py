import pytest

from tests.factories import network_secretariat


@pytest.fixture
def network(reference_data):
    return network_secretariat()
