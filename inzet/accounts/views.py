from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from inzet.accounts import services
from inzet.accounts.forms import ProfileForm
from inzet.accounts.selectors import roles_for_user


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(user=request.user, **form.cleaned_data)
        messages.success(request, _("Je gegevens zijn opgeslagen."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "roles": roles_for_user(request.user)})


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
