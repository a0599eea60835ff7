"""The test settings' lock-out backend: django-axes, except for the test client's login().

`Client.login()` authenticates without a request, which axes refuses because it needs the
client's address. Such logins are not what axes guards; every login through a view (all of
tests/roles/test_login.py) still goes through the real axes backend.
"""

from axes.backends import AxesStandaloneBackend


class TestClientAxesBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
