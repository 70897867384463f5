/** Contact details a citizen may fill from WeChat instead of typing them (issue 5 item 1). */
import { contactPhoneNumber } from './phone-number';

export { PHONE_NUMBER_LIMIT } from './phone-number';

export const contactCitizenActions = {
  'contact.phoneNumber': contactPhoneNumber,
};
