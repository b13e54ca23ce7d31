//! Planning: goals and KPIs, the roadmap, the budget, the team and the risks.

pub(crate) mod budget;
pub(crate) mod budget_table;
pub(crate) mod capacity_table;
pub(crate) mod goal_list;
pub(crate) mod goals;
pub(crate) mod initiative_cost;
pub(crate) mod initiative_edit;
pub(crate) mod initiative_form;
pub(crate) mod kpi;
pub(crate) mod kpi_dashboard;
pub(crate) mod kpi_plot;
pub(crate) mod operating_model;
pub(crate) mod people_list;
pub(crate) mod responsibility_matrix;
pub(crate) mod risk_heat_map;
pub(crate) mod risk_register;
pub(crate) mod risks;
pub(crate) mod roadmap;
pub(crate) mod roadmap_suggestions;
pub(crate) mod roadmap_timeline;
pub(crate) mod roadmap_toolbar;
pub(crate) mod running_cost_list;
pub(crate) mod skills_editor;
pub(crate) mod skills_matrix;
pub(crate) mod team;
pub(crate) mod team_plan;
