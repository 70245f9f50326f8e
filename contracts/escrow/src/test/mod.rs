mod setup;

mod lifecycle;
