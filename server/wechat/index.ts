/** The WeChat gateway: HTTPS calls with a timeout, tokens cached in the database, typed wrappers. */
export * from './api';
export * from './errors';
export * from './phone-number';
export { accessToken, TOKEN_COLLECTION, type WechatApp } from './token';
