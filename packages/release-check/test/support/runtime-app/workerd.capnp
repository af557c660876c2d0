# Serves the bundled worker on a port of the kernel's choice (read back through --control-fd). workerd's default
# "internet" service refuses private and loopback addresses; the demo Plex listens on 127.0.0.1, so this config
# replaces that service with one that allows them.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.bundle.js")],
  compatibilityDate = "2026-11-01",
);
