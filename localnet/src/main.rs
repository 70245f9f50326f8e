//! localnet: a one-process local Stellar network (work in progress).

fn main() {
    println!("localnet: not implemented yet");
}
