export { InfluencersScreen } from './components/influencers-screen';
export { influencersEn, influencersZh } from './messages';
