/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-content.c: kiosk_content_new_from_bytes and every getter on what it accepts. */

#include "config.h"

#include "fuzz-target.h"
#include "kiosk-content.h"

/* "xx" is a language no file declares: it must fall back to English. */
static const char * const langs[] = { "en", "es", "xx" };

static void
assert_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
check_service (KioskContent *content,
               KioskService *service,
               const char   *lang)
{
  assert_text (kiosk_service_get_id (service));
  assert_text (kiosk_service_get_name (service, lang));
  assert_text (kiosk_service_get_summary (service, lang));
  assert_text (kiosk_service_get_description (service, lang));
  assert_text (kiosk_service_get_helps (service, lang));
  assert_text (kiosk_service_get_expect (service, lang));
  g_assert_true (kiosk_content_find_service (content, kiosk_service_get_id (service)) == service);

  for (guint i = 0; i < kiosk_service_get_n_options (service); i++)
    {
      guint minutes = 0, price = 0;
      g_autofree char *price_text = NULL;
      g_autofree char *duration_text = NULL;

      kiosk_service_get_option (service, i, &minutes, &price);
      price_text = kiosk_content_format_price (content, price, lang);
      duration_text = kiosk_content_format_duration (content, minutes, lang);
      assert_text (price_text);
      assert_text (duration_text);
    }
}

static void
check_sciatica (KioskContent *content,
                const char   *lang)
{
  assert_text (kiosk_content_get_sciatica_title (content, lang));
  assert_text (kiosk_content_get_sciatica_intro (content, lang));
  assert_text (kiosk_content_get_sciatica_disclaimer (content, lang));

  for (guint i = 0; i < kiosk_content_get_n_sciatica_sections (content); i++)
    {
      const char * const *points = kiosk_content_get_sciatica_points (content, i, lang);

      assert_text (kiosk_content_get_sciatica_heading (content, i, lang));
      kiosk_content_get_sciatica_body (content, i, lang);
      for (guint j = 0; points != NULL && points[j] != NULL; j++)
        assert_text (points[j]);
    }
}

static void
check_content (KioskContent *content)
{
  GListModel *services = kiosk_content_get_services (content);

  assert_text (kiosk_content_get_spa_name (content));
  assert_text (kiosk_content_get_phone (content));
  assert_text (kiosk_content_get_currency (content));
  g_assert_cmpstr (kiosk_content_get_source_name (content), ==, "fuzz");
  g_assert_nonnull (kiosk_content_get_languages (content));

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (services); i++)
        {
          g_autoptr(KioskService) service = g_list_model_get_item (services, i);

          check_service (content, service, langs[l]);
        }
      for (guint i = 0; i < kiosk_content_get_n_highlights (content); i++)
        {
          assert_text (kiosk_content_get_highlight_title (content, i, langs[l]));
          assert_text (kiosk_content_get_highlight_text (content, i, langs[l]));
        }
      check_sciatica (content, langs[l]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(KioskContent) content = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_target_setup ();

  content = kiosk_content_new_from_bytes (bytes, "fuzz", &error);
  if (content == NULL)
    {
      fuzz_target_assert_error (error, KIOSK_CONTENT_ERROR);
      return 0;
    }

  g_assert_no_error (error);
  check_content (content);
  return 0;
}
