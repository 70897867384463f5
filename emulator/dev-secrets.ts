/**
 * The development stand-ins for deployment secrets that the emulator gives its functions unless the environment
 * sets them. Tools acting on a running emulator (the admin command) must use the same ones, or what they write
 * (salted invitation hashes) would not match what the functions compute. Never used in production.
 */
export const EMULATOR_PERSONAL_DATA_SALT = 'emulator-salt-not-for-production';
/** The ledger's MAC key (server/ledger/mac.ts). */
export const EMULATOR_LEDGER_MAC_KEY = 'emulator-ledger-mac-key-not-for-production';
/** 32 bytes, hex. */
export const EMULATOR_MASTER_KEY = '656d756c61746f722d6d61737465722d6b65792d6e6f742d666f722d70726f64';
