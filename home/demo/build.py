"""Builds the demo districts: sites, page trees, settings, logos, translations and logins."""

import io
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.demo import demo_steps
from home.demo.districts import DISTRICTS, TRANSLATED_LANGUAGES
from home.demo.text import Glossary, StreamBuilder
from home.demo.translate import translate
from home.models import DistrictSettings, HomePage, StandardPage

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def demo_password(path=None):
    """The demo password: DEMO_PASSWORD, else one generated once and kept under data/."""
    import os

    if os.environ.get("DEMO_PASSWORD"):
        return os.environ["DEMO_PASSWORD"]
    path = path or (settings.DATA_DIR / "demo-password.txt")
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(12)
    path.write_text(password + "\n")
    return password


def ensure_base_data():
    """The rows Wagtail's migrations create, in case the database was flushed since."""
    from wagtail.models import Collection

    from home.apps import ensure_locales

    ensure_locales()
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")


def district_collection(site):
    """The collection the roles setup made for the district's images and documents
    (roles.models.DistrictSetup), where its staff can choose them; else the root."""
    from wagtail.models import Collection

    from roles.models import DistrictSetup

    setup = DistrictSetup.objects.filter(site=site).select_related("collection").first()
    if setup is not None and setup.collection is not None:
        return setup.collection
    return Collection.get_first_root_node()


def keep_in_district(item, site):
    """Put a demo image or document into its district's collection (an unsaved one before
    it is saved; one that an older demo left in the root collection is moved)."""
    collection = district_collection(site)
    if item.pk is None:
        item.collection = collection
    elif item.collection_id != collection.pk and item.collection.is_root():
        item.collection = collection
        item.save(update_fields=["collection"])
    return item


def remove_wagtail_welcome_page():
    """Drop the placeholder page and site that Wagtail's first migration creates."""
    welcome = Page.objects.filter(depth=2, title=WAGTAIL_WELCOME_TITLE).first()
    if welcome is not None and not welcome.get_children().exists():
        Site.objects.filter(root_page=welcome).delete()
        welcome.delete()


class DemoBuilder:
    """Creates what is missing and leaves what exists alone, so a second run changes nothing."""

    def __init__(self, stdout=None, password=None):
        self.stdout = stdout
        self.password = password
        self.created = 0
        self.glossaries = {}
        self.people = {}  # user name -> demo user (home/demo/people.py)

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    @transaction.atomic
    def build(self):
        if self.password is None:
            self.password = demo_password()
        ensure_base_data()
        self.admin = self.ensure_admin()
        self.remove_wagtail_welcome_page()
        for district in DISTRICTS:
            self.build_district(district)
        return self.created

    def ensure_admin(self):
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is None:
            user = User.objects.create_superuser("admin", "admin@example.org", self.password)
            self.created += 1
        return user

    def remove_wagtail_welcome_page(self):
        remove_wagtail_welcome_page()

    # --- pages ---------------------------------------------------------------------------

    def ensure_page(self, parent, slug, make):
        """The child page with this slug; else the page `make(glossary)` returns, published.

        `make` turns demo texts (T) into German field values through the glossary, which
        later gives the translations their strings.
        """
        glossary = Glossary()
        page = make(glossary)
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            self.glossaries[existing.pk] = glossary
            return existing.specific
        page.slug = slug
        page.locale = Locale.get_default()
        parent.add_child(instance=page)
        page.save_revision(user=self.admin).publish(user=self.admin)
        self.created += 1
        self.glossaries[page.pk] = glossary
        return page

    def build_page(self, parent, spec, page_class):
        def make(glossary):
            body = StreamBuilder(glossary)
            if spec.build_body:
                spec.build_body(body)
            return page_class(
                title=glossary.add(spec.title),
                intro=glossary.add(spec.intro),
                body=body.blocks,
                show_in_menus=spec.show_in_menus,
            )

        return self.ensure_page(parent, spec.slug, make)

    def build_tree(self, parent, spec, page_class, pages_by_field):
        page = self.build_page(parent, spec, page_class)
        if spec.settings_field:
            pages_by_field[spec.settings_field] = page
        for child in spec.children:
            self.build_tree(page, child, StandardPage, pages_by_field)
        return page

    def build_district(self, district):
        root = Page.get_first_root_node()
        pages_by_field = {}
        home = self.build_tree(root, district.home, HomePage, pages_by_field)

        site = Site.objects.filter(hostname=district.hostname).first()
        if site is None:
            site = Site.objects.create(
                hostname=district.hostname,
                port=80,
                site_name=district.name,
                root_page=home,
                is_default_site=district.is_default_site,
            )
            self.created += 1

        district_settings = DistrictSettings.for_site(site)
        if not district_settings.pk or district_settings.name == "Landkreis":
            district_settings.name = district.name
            district_settings.office_name = district.office_name
            district_settings.street = district.street
            district_settings.postcode = district.postcode
            district_settings.city = district.city
            district_settings.phone = district.phone
            district_settings.email = district.email
            district_settings.logo = self.make_logo(district, site)
            for field_name, page in pages_by_field.items():
                setattr(district_settings, field_name, page)
            district_settings.save()
            self.created += 1
        elif district_settings.logo is not None:
            keep_in_district(district_settings.logo, site)

        for language_code in TRANSLATED_LANGUAGES:
            self.translate_tree(home, language_code)
        for step in demo_steps():
            step(self, district, site, home)
        self.log(f"  {district.name}: ready")

    def translate_subtree(self, page):
        """Translate a page and its German descendants into the demo languages."""
        for language_code in TRANSLATED_LANGUAGES:
            self.translate_tree(page, language_code)

    def translate_tree(self, page, language_code):
        """Translate a page and its German descendants; a page that was never published
        (the scheduled news item, home/demo/approval.py) waits until it is live."""
        if not page.live:
            return
        locale = Locale.objects.get(language_code=language_code)
        if page.get_translation_or_none(locale) is None:
            glossary = self.glossaries.get(page.pk, Glossary())
            translate(page, language_code, glossary.translations(language_code), self.admin)
            self.created += 1
        for child in page.get_children().filter(locale=page.locale):
            self.translate_tree(child.specific, language_code)

    # --- images --------------------------------------------------------------------------

    def make_logo(self, district, site):
        """A simple generated emblem with the district's initials (no downloaded artwork)."""
        from PIL import Image as PILImage
        from PIL import ImageDraw

        Image = get_image_model()
        title = f"Logo {district.name}"
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            return keep_in_district(existing, site)
        canvas = PILImage.new("RGB", (160, 160), "white")
        draw = ImageDraw.Draw(canvas)
        draw.rounded_rectangle((8, 8, 152, 152), radius=24, fill=district.colour)
        draw.text((80, 80), district.initials, fill="white", anchor="mm", font_size=64)
        buffer = io.BytesIO()
        canvas.save(buffer, format="PNG")
        image = keep_in_district(Image(title=title), site)
        image.file = ImageFile(buffer, name=f"logo-{district.key}.png")
        image.save()
        return image
