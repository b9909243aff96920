from django.core.paginator import Page, Paginator

PAGE_SIZE = 20


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> Page:
    """A page of results; a missing, malformed or too-high page number gives the nearest real page, never a 404."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
