package dev.gbconnect.custodian.console.boundary;

/**
 * The upload form's script, served from this server ({@code console/upload.js}; the page's policy admits no inline
 * script). It sends the same multipart form with XMLHttpRequest, whose upload events drive a {@code <progress>}
 * bar, and refuses a file over the limit before sending it. Without it the form posts as it is.
 */
final class UploadScript {

    private UploadScript() {}

    static final String TEXT = """
            "use strict";
            document.addEventListener("DOMContentLoaded", () => {
              const form = document.getElementById("upload");
              if (!form) return;
              const bar = document.getElementById("upload-progress");
              const status = document.getElementById("upload-status");
              form.addEventListener("submit", (event) => {
                const file = form.elements.file.files[0];
                if (!file) return;
                event.preventDefault();
                if (file.size > Number(form.dataset.maxBytes)) {
                  status.textContent = "This file has " + file.size + " bytes: more than the limit of "
                      + form.dataset.maxBytes + " bytes. Nothing was sent.";
                  return;
                }
                const xhr = new XMLHttpRequest();
                xhr.open("POST", form.action);
                xhr.upload.addEventListener("progress", (e) => {
                  if (!e.lengthComputable) return;
                  bar.max = e.total;
                  bar.value = e.loaded;
                  status.textContent = "Sent " + Math.floor(100 * e.loaded / e.total) + "%";
                });
                xhr.upload.addEventListener("load", () => {
                  bar.value = bar.max;
                  status.textContent = "Sent; the server is finishing the import.";
                });
                xhr.addEventListener("load", () => {
                  if (xhr.status === 200 && xhr.responseURL) {
                    location.assign(xhr.responseURL);
                    return;
                  }
                  const page = new DOMParser().parseFromString(xhr.responseText, "text/html");
                  document.replaceChild(document.adoptNode(page.documentElement), document.documentElement);
                });
                xhr.addEventListener("error", () => {
                  status.textContent = "The upload broke off; nothing of it was stored. Please try again.";
                });
                bar.hidden = false;
                form.querySelector("button[type=submit]").disabled = true;
                xhr.send(new FormData(form));
              });
            });
            """;
}
