from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from inzet.accounts import services
from inzet.accounts.forms import NameForm, ProfileForm
from inzet.accounts.selectors import roles_for_user


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(user=request.user, **form.cleaned_data)
        messages.success(request, _("Je gegevens zijn opgeslagen."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "roles": roles_for_user(request.user)})


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, require_https=request.is_secure()):
        return candidate
    return settings.LOGIN_REDIRECT_URL


@login_required
def name(request):
    """ "Hoe heet je?": asked once after login of an account without a name (see AccountAdapter.post_login)."""
    next_url = _next_url(request)
    if request.user.name:
        return redirect(next_url)
    form = NameForm(request.POST if request.method == "POST" and "skip" not in request.POST else None)
    if request.method == "POST":
        if "skip" in request.POST:
            services.user_skip_name_prompt(user=request.user)
            messages.info(request, _("Goed. Je kunt je naam altijd nog invullen bij Account."))
            return redirect(next_url)
        if form.is_valid():
            services.user_set_name(user=request.user, name=form.name)
            messages.success(request, _("Dank je, %(name)s.") % {"name": request.user.get_short_name()})
            return redirect(next_url)
    return render(request, "accounts/name.html", {"form": form, "next": next_url})


@login_required
def api_token(request):
    new_token = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.api_token_revoke(user=request.user)
            messages.success(request, _("Je API-sleutel is ingetrokken."))
            return redirect("accounts:api_token")
        new_token = services.api_token_regenerate(user=request.user).key
    return render(
        request,
        "accounts/api_token.html",
        {
            "has_token": Token.objects.filter(user=request.user).exists(),
            "new_token": new_token,
        },
    )
