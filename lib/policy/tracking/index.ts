export {
  APPROVED_CARRIERS,
  CARRIERS,
  CHINA_TO_US_DESIGNATED_CARRIERS,
  CHINA_TO_US_OVERSIZE_ONLY,
  type Carrier,
  buildTrackingUrl,
  isApprovedCarrier,
  normaliseCarrierName,
} from "./carriers";
export { TRACKING_FORMATS, type TrackingFormat, matchAllFormats, matchFormat, normaliseTrackingNumber, verifyChecksum } from "./formats";
export { type TrackingResult, type TrackingStatus, carrierOfMatch, validateTracking } from "./validate";
