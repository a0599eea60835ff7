"""One client address for the rate limit and the login lock-out, also behind proxies."""

import pytest
from axes.helpers import get_client_ip_address

from django.test import RequestFactory, override_settings

from home.client import client_address


def _request(remote="10.0.0.1", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_proxies_the_connecting_address_counts_and_the_header_is_ignored():
    request = _request(forwarded="203.0.113.9")
    assert client_address(request) == "10.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_appended_counts_not_a_forged_one():
    request = _request(forwarded="198.51.100.66, 203.0.113.9")
    assert client_address(request) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_second_entry_from_the_right_counts():
    request = _request(forwarded="198.51.100.66, 203.0.113.9, 10.0.0.2")
    assert client_address(request) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_a_request_that_bypassed_the_proxies_falls_back_to_the_connection():
    assert client_address(_request(forwarded="203.0.113.9")) == "10.0.0.1"


@pytest.mark.parametrize("proxies, expected", [(0, "10.0.0.1"), (1, "203.0.113.9")])
def test_the_login_lock_out_uses_the_same_address(proxies, expected):
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        request = _request(forwarded="198.51.100.66, 203.0.113.9")
        assert get_client_ip_address(request) == expected
