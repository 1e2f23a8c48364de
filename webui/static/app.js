// Progressive enhancement only: the page works fully without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Live filtering of the council list as the user types (the form still works without JS).
  document.querySelectorAll("input[data-filter-list]").forEach((input) => {
    const list = document.getElementById(input.dataset.filterList);
    if (!list) return;
    input.addEventListener("input", () => {
      const needle = input.value.trim().toLowerCase();
      list.querySelectorAll("li").forEach((li) => {
        li.hidden = needle !== "" && !li.dataset.value.includes(needle) && !li.querySelector(".selected");
      });
    });
  });
  // Links announced as buttons (facet values) answer Space like real buttons; Enter works without this file.
  document.querySelectorAll('a[role="button"]').forEach((link) => {
    link.addEventListener("keydown", (event) => {
      if (event.key === " ") {
        event.preventDefault();
        link.click();
      }
    });
  });
  // Changing sort or page size applies at once.
  document.querySelectorAll("#sort, #per_page").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
});
