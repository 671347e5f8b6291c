"""Errors of the identity layer; each message is one sentence a person understands."""
from btdesk.errors import BtdeskError


class IdentityError(BtdeskError):
    """Creating, unlocking or changing this profile's identity failed."""


class SignatureError(BtdeskError):
    """A signature could not be accepted (bad, malformed, revoked, expired, untrusted)."""
