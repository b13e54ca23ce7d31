//! Entry point: installs the panic hook and mounts the app. Nothing else lives here.

fn main() {
    cto_workbench::ui::panic_screen::install();
    leptos::mount::mount_to_body(cto_workbench::ui::App);
}
