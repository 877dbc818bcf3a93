"""IPv6 addresses that carry an IPv4 address lead to it: the guard judges the address they carry; cloud
metadata addresses outside link-local are refused by name."""

from __future__ import annotations

import pytest

from tracker.sources.guard import RefusedURL, check_url


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://[2002:a00:1::]/", "10.0.0.1 is a private address"),  # 6to4 wrapping 10.0.0.1
        ("http://[2002:7f00:1::1]/", "127.0.0.1 is a loopback address"),
        ("http://[2002:c0a8:101::]/", "192.168.1.1 is a private address"),
        ("http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/", "10.0.0.1 is a private address"),  # Teredo
        ("http://[64:ff9b::a00:1]/", "reserved"),  # NAT64
        ("http://[::a00:1]/", "reserved"),  # IPv4-compatible
    ],
)
def test_wrapped_private_addresses_are_refused(url, reason):
    with pytest.raises(RefusedURL, match=reason):
        check_url(url)


def test_wrapped_link_local_is_refused_even_when_private_urls_are_allowed(allow_private):
    with pytest.raises(RefusedURL, match="169.254.169.254 is a link-local address"):
        check_url("http://[2002:a9fe:a9fe::]/")  # 6to4 wrapping the metadata service
    check_url("http://[2002:a00:1::]/")  # private is allowed here, as unwrapped


def test_a_6to4_address_of_a_public_ipv4_passes():
    check_url("http://[2002:5db8:d70e::]/")  # 93.184.215.14


@pytest.mark.parametrize("url", ["http://100.100.100.200/latest/meta-data/", "http://[fd00:ec2::254]/"])
def test_cloud_metadata_services_off_link_local_are_refused_even_when_private_urls_are_allowed(
    allow_private, url
):
    """Alibaba's and AWS's IPv6 metadata addresses are not link-local: refused by name, always."""
    with pytest.raises(RefusedURL, match="is a metadata address"):
        check_url(url)
