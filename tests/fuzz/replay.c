/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c: runs a fuzz target's entry point on every file of its corpus and regressions. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "fuzz-target.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Feeds every file of @path to the target; a missing folder holds nothing. */
static guint
replay_folder (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return 0;

  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      g_autofree guint8 *copy = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      g_file_get_contents (file, &contents, &length, &error);
      g_assert_no_error (error);
      /* A copy of exactly the file's size, so that a sanitizer sees a read past its end. */
      copy = g_memdup2 (contents, length);
      printf ("%s\n", file);
      fflush (stdout);
      LLVMFuzzerTestOneInput (copy, length);
    }

  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  guint total = 0;

  setlocale (LC_ALL, "");
  fuzz_target_setup ();

  for (int i = 1; i < argc; i++)
    total += replay_folder (argv[i]);

  printf ("replayed %u inputs\n", total);

  /* A target whose corpus went missing would pass without testing anything. */
  return total > 0 ? 0 : 1;
}
